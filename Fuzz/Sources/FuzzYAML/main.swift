import FuzzDriver
import Wenping

/// The YAML loader.
runFuzzer { FuzzEntryPoints.yaml($0) }
