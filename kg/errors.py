"""One small exception hierarchy; the CLI turns each into an exit code in one place."""


class KgError(Exception):
    """Base of every error kg reports to a user; the message is one line saying what to do."""

    exit_code = 2


class InputError(KgError):
    """An input file could not be read or holds no article."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class OutputError(KgError):
    """An output could not be written; the previous output is left as it was."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class ValidationFailed(KgError):
    """The graph does not conform to the shapes."""

    exit_code = 1


class QueryError(KgError):
    """A saved query is unknown, or a query or its parameters are malformed."""


class StoreError(KgError):
    """A triplestore could not be reached, loaded or queried."""
