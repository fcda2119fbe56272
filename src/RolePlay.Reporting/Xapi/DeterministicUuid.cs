using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace RolePlay.Reporting.Xapi;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5), so exporting the same attempt twice gives the same statement ids and a
/// learning record store can recognise repeats instead of storing duplicates.
/// </summary>
public static class DeterministicUuid
{
    /// <summary>The namespace for RolePlay names (itself a v5 UUID of "roleplay" in the URL namespace).</summary>
    public static Guid RolePlayNamespace { get; } = Create(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://roleplay.example.org/");

    public static Guid Create(string name) => Create(RolePlayNamespace, name);

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 9562 version 5 UUIDs are defined over SHA-1; this is naming, not security.")]
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        namespaceId.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        var hash = SHA1.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
