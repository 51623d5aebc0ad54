using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// Whether a <c>.age</c> file decrypts to exactly the bytes of a plaintext file, compared chunk by chunk
/// while decrypting: constant memory, nothing written to disk, nothing stored beside the secret.
/// </summary>
internal static class SecretComparer
{
    public static async Task<bool> MatchesAsync(string ciphertextPath, string plaintextPath, IReadOnlyList<IIdentity> identities, CancellationToken ct)
    {
        await using var input = new FileStream(ciphertextPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        await using var expected = new FileStream(plaintextPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        await using var comparing = new ComparingStream(expected);
        await AgeDecryptor.DecryptAsync(input, comparing, identities, ciphertextPath, ct);
        return comparing.Matches && await expected.ReadAsync(new byte[1], ct) == 0;
    }

    /// <summary>A write-only stream that checks each written chunk against the next bytes of <c>expected</c>.</summary>
    private sealed class ComparingStream(Stream expected) : Stream
    {
        private byte[] _buffer = [];

        public bool Matches { get; private set; } = true;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Matches)
            {
                return;
            }

            if (_buffer.Length < buffer.Length)
            {
                _buffer = new byte[buffer.Length];
            }

            var read = await expected.ReadAtLeastAsync(_buffer.AsMemory(0, buffer.Length), buffer.Length, throwOnEndOfStream: false, cancellationToken);
            Matches = read == buffer.Length && buffer.Span.SequenceEqual(_buffer.AsSpan(0, read));
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
