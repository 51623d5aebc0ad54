namespace Polycrate.Build.Secrets.Age;

/// <summary>How to write an age file.</summary>
/// <param name="Armor">Write the PEM "AGE ENCRYPTED FILE" ASCII armor instead of binary.</param>
internal sealed record AgeEncryptOptions(bool Armor = false)
{
    public static AgeEncryptOptions Default { get; } = new();
}
