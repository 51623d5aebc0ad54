namespace Polycrate.Build.Engine;

/// <summary>A public key added to the workspace's recipients file (<c>.age-recipients</c>).</summary>
/// <param name="RecipientsFile">Absolute path of the recipients file.</param>
/// <param name="Created">True when the file did not exist before (then it holds only this key).</param>
public sealed record RecipientAddResult(string RecipientsFile, bool Created);
