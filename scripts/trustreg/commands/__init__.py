"""One module per `trustreg` subcommand: each has add_arguments(parser) and run(args) -> int."""
