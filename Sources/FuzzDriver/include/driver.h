// Nothing to import: the driver only defines the fuzzing build's entry point.
