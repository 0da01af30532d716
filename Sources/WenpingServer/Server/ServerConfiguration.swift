import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Wenping
import WenpingLedger

/// Everything `wenping serve` can be told, with the defaults the README documents.
public struct ServerConfiguration: Sendable {
    /// Address to listen on; loopback by default so a fresh start is not reachable from the network.
    public var host = "127.0.0.1"
    /// TCP port; 0 lets the system choose (tests).
    public var port = 8080
    /// Rule folders or files, compiled at start and on reload.
    public var rules = ["Rules"]
    /// The SQLite ledger file.
    public var ledger = "wenping.sqlite"
    /// PEM certificate chain and private key; both or neither.
    ///
    /// With them the service speaks HTTPS only.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// A file holding the first administrator's password; without it a one-time password is printed.
    public var adminPasswordFile: String?
    /// The largest request body accepted, in bytes (batch uploads included).
    public var maxBodyBytes = 4 << 20
    /// bcrypt cost factor (each step doubles the work); tests lower it.
    public var bcryptCost: UInt8 = 12
    /// How long a session lasts without use, in seconds.
    public var sessionLifetime = 8 * 3600
    /// Failed logins allowed per user name and per client address within ``loginWindow`` seconds.
    public var loginAttempts = 5
    public var loginWindow = 300
    /// Folder for batch jobs' summaries and reports.
    public var jobsFolder = "wenping-jobs"
    /// An office's report template folder (`--templates`); nil for the built-in templates.
    public var reportTemplates: String?
    /// The program PDF reports are made with.
    ///
    /// `libreoffice`, `chromium` or a path; `none` to offer no PDF; nil to look on `PATH`. PDF requests answer
    /// 503 when there is no converter.
    public var pdfConverter: String?

    public init() {}

    /// Whether HTTPS is configured.
    public var usesTLS: Bool { tlsCertificate != nil && tlsKey != nil }
}
