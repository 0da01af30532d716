import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

extension ServiceState {
    /// Decodes a JSON request body into `type`, with a Chinese problem naming the field that is wrong.
    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws(Problem) -> T {
        let buffer = try await collectBody(request)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw Problem.malformed("缺少字段“\(key.stringValue)”")
        } catch let DecodingError.typeMismatch(_, context) {
            throw Problem.malformed("字段“\(Self.path(context))”的类型不对")
        } catch let DecodingError.valueNotFound(_, context) {
            throw Problem.malformed("字段“\(Self.path(context))”不能为 null")
        } catch {
            throw Problem.malformed("请求内容不是有效的 JSON 对象")
        }
    }

    static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}
