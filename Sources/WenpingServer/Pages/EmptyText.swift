import Mustache

/// An empty text in a page's data.
///
/// swift-mustache treats every string, even an empty one, as true in a section (`{{#unit}}({{unit}}){{/unit}}`
/// would print `()`); this value renders as nothing and counts as false, so a section over an optional text shows
/// only when there is text.
struct EmptyText: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }

    /// `data` with every empty string, at any depth of dictionaries and arrays, replaced by ``EmptyText``.
    static func replacing(in data: Any) -> Any {
        switch data {
        case let text as String: text.isEmpty ? EmptyText() : text
        case let dictionary as [String: Any]: dictionary.mapValues(replacing(in:))
        case let list as [[String: Any]]: list.map { $0.mapValues(replacing(in:)) }
        case let list as [Any]: list.map(replacing(in:))
        default: data
        }
    }
}
