// Each layer sees the layers below it through the one directly beneath.
@_exported import DocsLintReport
