-- Neovim's built-in LSP client against `docs-lint lsp`: open a file, wait for the
-- diagnostics the server publishes, write them to DOCS_LINT_OUT, quit. Neovim 0.7 and later
-- (start_client and buf_attach_client; vim.lsp.start came in 0.8).
local client = vim.lsp.start_client({
  name = "docs-lint",
  cmd = { os.getenv("DOCS_LINT_BINARY"), "lsp", "--no-cache" },
  root_dir = os.getenv("DOCS_LINT_ROOT"),
})
vim.cmd("edit " .. os.getenv("DOCS_LINT_FILE"))
local buffer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buffer, client)
vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
local lines = {}
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  local code = diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code) or ""
  table.insert(lines, string.format("%d:%d %s %s", diagnostic.lnum, diagnostic.col, code, diagnostic.message))
end
table.sort(lines)
vim.fn.writefile(lines, os.getenv("DOCS_LINT_OUT"))
vim.cmd("qall!")
