using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Polycrate.Build.Secrets;

/// <summary>
/// Writes a new ed25519 SSH key pair in OpenSSH's formats (<c>workspace init --with-ssh-keys</c>), in process: the private
/// key (<c>openssh-key-v1</c>, unencrypted, as ssh-keygen writes with an empty passphrase) is created with mode 0600
/// before any byte is written, the public key (<c>ssh-ed25519 AAAA… comment</c>) with 0644.
/// </summary>
internal static class SshKeyPairWriter
{
    /// <summary>Writes <paramref name="privateKeyPath"/> and <c>&lt;path&gt;.pub</c>; refuses to overwrite either.</summary>
    /// <exception cref="IOException">One of the files exists already.</exception>
    public static async Task WriteAsync(string privateKeyPath, string comment, CancellationToken cancellationToken)
    {
        var publicKeyPath = privateKeyPath + ".pub";
        foreach (var path in new[] { privateKeyPath, publicKeyPath })
        {
            if (File.Exists(path))
            {
                throw new IOException($"{path} exists already; nothing was changed");
            }
        }

        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var publicBytes = ((Ed25519PublicKeyParameters)pair.Public).GetEncoded();
        var seed = ((Ed25519PrivateKeyParameters)pair.Private).GetEncoded();
        var publicBlob = Concat(SshString("ssh-ed25519"u8), SshString(publicBytes));
        var blob = Convert.ToBase64String(PrivateKeyBlob(publicBlob, publicBytes, seed, comment));
        var pem = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        for (var i = 0; i < blob.Length; i += 70)
        {
            pem.Append(blob, i, Math.Min(70, blob.Length - i)).Append('\n');
        }

        pem.Append("-----END OPENSSH PRIVATE KEY-----\n");
        var publicKey = $"ssh-ed25519 {Convert.ToBase64String(publicBlob)} {comment}\n";

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(privateKeyPath))!);
        var privateOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        var publicOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            privateOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            publicOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        await using (var stream = new FileStream(privateKeyPath, privateOptions))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(pem.ToString()), cancellationToken);
        }

        await using (var stream = new FileStream(publicKeyPath, publicOptions))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(publicKey), cancellationToken);
        }
    }

    /// <summary>OpenSSH's <c>openssh-key-v1</c> container (PROTOCOL.key), unencrypted: cipher and KDF <c>none</c>, one key.</summary>
    private static byte[] PrivateKeyBlob(byte[] publicBlob, byte[] publicKey, byte[] seed, string comment)
    {
        var check = new byte[4];
        RandomNumberGenerator.Fill(check);
        var section = Concat(check, check, SshString("ssh-ed25519"u8), SshString(publicKey), SshString(Concat(seed, publicKey)),
            SshString(Encoding.UTF8.GetBytes(comment)));
        var padding = Enumerable.Range(1, (8 - (section.Length % 8)) % 8).Select(i => (byte)i).ToArray();
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, 1);
        return Concat("openssh-key-v1\0"u8.ToArray(), SshString("none"u8), SshString("none"u8), SshString([]), count, SshString(publicBlob),
            SshString(Concat(section, padding)));
    }

    /// <summary>An SSH wire-format string: 32-bit big-endian length, then the bytes.</summary>
    private static byte[] SshString(ReadOnlySpan<byte> value)
    {
        var result = new byte[4 + value.Length];
        BinaryPrimitives.WriteUInt32BigEndian(result, (uint)value.Length);
        value.CopyTo(result.AsSpan(4));
        return result;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
