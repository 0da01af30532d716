import Foundation

/// Hints to the kernel about a file's pages in the page cache.
///
/// Start writing them back now, or let go of those already on disk. Hints only: a file's bytes are the same
/// whether they are taken or not, and they do nothing where the system lacks the call.
enum PageCache {
    /// Starts writing back the dirty pages of `count` bytes from `offset` of `descriptor` (0: to the end), without
    /// waiting for the disk; nothing where the system has no `sync_file_range`.
    static func startWriteBack(_ descriptor: Int32, offset: Int = 0, count: Int = 0) {
        _ = syncFileRange?(descriptor, Int64(offset), Int64(count), syncFileRangeWrite)
    }

    /// Lets the pages of `count` bytes from `offset` of `descriptor` (0: to the end) go from the page cache, those
    /// already on disk; a hint, without effect where there is no `posix_fadvise`.
    static func letGo(_ descriptor: Int32, offset: Int = 0, count: Int = 0) {
        #if os(Linux)
        _ = posix_fadvise(descriptor, off_t(offset), off_t(count), POSIX_FADV_DONTNEED)
        #endif
    }

    /// Linux's `sync_file_range(fd, offset, count, flags)`, which Glibc declares only for `_GNU_SOURCE` (so Swift
    /// does not import it); `nil` where there is none.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        #if os(Linux)
        // A null handle is Glibc's RTLD_DEFAULT: the symbol as the program's libraries define it.
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
        #else
        return nil
        #endif
    }()
    /// `SYNC_FILE_RANGE_WRITE`: start writing back the range's dirty pages, without waiting.
    private static let syncFileRangeWrite: UInt32 = 2
}
