/// The YAML core-schema tags a rule file may write explicitly (`!!str` and friends), in their full form.
enum CoreTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = prefix + "str"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let bool = prefix + "bool"
    static let null = prefix + "null"
    static let map = prefix + "map"
    static let seq = prefix + "seq"

    /// The tags allowed on scalars.
    static let scalarTags: Set<String> = [str, int, float, bool, null]

    /// How a tag is usually written in a file: `!!python/object` for `tag:yaml.org,2002:python/object`, `!foo`
    /// for local tags, and `!<uri>` for anything else.
    static func shortForm(_ tag: String) -> String {
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<\(tag)>"
    }
}
