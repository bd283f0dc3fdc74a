using System.Buffers;

namespace AiSoc.Core.Ingest;

/// <summary>The pool of read buffers that batches of records point into.</summary>
public static class BatchBuffers
{
    // Large enough for the longest line seen in practice; a longer line still works with an unpooled buffer.
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 32);

    /// <summary>Rents a buffer of at least <paramref name="minimumLength"/> bytes.</summary>
    public static byte[] Rent(int minimumLength) => Pool.Rent(minimumLength);

    /// <summary>Returns a rented buffer.</summary>
    public static void Return(byte[] buffer) => Pool.Return(buffer);
}
