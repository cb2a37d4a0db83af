namespace LeopardEm.Shards;

/// <summary>A partial result file that cannot be used: unreadable, corrupt, of another search, or a part that does not
/// fit with the others. The message names the file.</summary>
public sealed class PartialResultException(string message) : FormatException(message);
