extension JSONWriter {
    /// The bytes a writer has written: one growable array, written through a pointer to its elements.
    ///
    /// Appending is a capacity check and a copy, without `Array`'s per-append uniqueness and bookkeeping; the
    /// writer copies the buffer before writing if another writer shares it (a copied writer), so writers keep
    /// value semantics. ``take()`` hands the array over without copying it.
    ///
    /// Invariant: ``storage`` is referenced by this buffer alone and is never changed through `Array` while it is
    /// held, so its elements stay where ``base`` points; its first ``count`` elements are the bytes written (the
    /// rest, up to ``capacity``, are not read until written).
    final class Buffer {
        private var storage: [UInt8]
        /// The first byte; `count` bytes from here are written, `capacity` allocated.
        private(set) var base: UnsafeMutablePointer<UInt8>
        /// Bytes written.
        var count = 0
        /// Bytes allocated.
        private(set) var capacity: Int
        /// Bytes past those reserved that may be written over (and are then not counted): room for writing runs
        /// of spaces eight at a time (``JSONWriter/spaces(_:_:)``).
        static var slack: Int { 8 }

        init(capacity: Int) {
            (storage, base) = Self.allocate(max(capacity, 64))
            self.capacity = storage.count
        }

        /// An array of `capacity` bytes (UInt8 elements, each written before it is read) and its first byte.
        private static func allocate(_ capacity: Int) -> ([UInt8], UnsafeMutablePointer<UInt8>) {
            var storage = [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
            let base = storage.withUnsafeMutableBufferPointer { $0.baseAddress! }
            return (storage, base)
        }

        /// Where `extra` more bytes go, with room for them and ``slack`` bytes more; the caller writes them and adds
        /// `extra` to ``count``.
        @inline(__always)
        func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
            if capacity - count < extra + Self.slack { grow(to: count + extra + Self.slack) }
            return base + count
        }

        /// Moves to at least `needed` bytes (at least double the capacity), keeping what is written.
        @inline(never)
        private func grow(to needed: Int) {
            let (grown, start) = Self.allocate(max(needed, 2 * capacity))
            start.update(from: base, count: count)
            (storage, base) = (grown, start)
            capacity = grown.count
        }

        /// A buffer holding the same bytes.
        func copy() -> Buffer {
            let copy = Buffer(capacity: capacity)
            copy.base.update(from: base, count: count)
            copy.count = count
            return copy
        }

        /// The bytes written from `offset` on (a copy).
        func bytes(from offset: Int = 0) -> [UInt8] {
            Array(UnsafeBufferPointer(start: base + offset, count: count - offset))
        }

        /// The bytes written, without copying them; the buffer is empty afterwards (and writes to a new array).
        func take() -> [UInt8] {
            var taken = storage
            (storage, base) = Self.allocate(64)
            capacity = storage.count
            taken.removeSubrange(count...)
            count = 0
            return taken
        }
    }
}
