/// The version of the wenping engine, recorded in every report's provenance.
public enum WenpingVersion {
    public static let current = "0.1.0"
}
