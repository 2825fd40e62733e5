"""The command line: `coapp VERB ...` over the services, without Qt (coapp.cli.verbs builds the parser)."""
