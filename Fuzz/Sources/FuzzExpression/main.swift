import FuzzDriver
import Wenping

/// The expression language: lexer, parser, checker, lowering, evaluator, analysis.
runFuzzer { FuzzEntryPoints.expression($0) }
