namespace LeopardEm.Interop;

/// <summary>A key-value item of a STAR data block (<c>_rlnImageSize 64</c>) outside any <c>loop_</c>.</summary>
/// <param name="Key">The name without the leading underscore.</param>
/// <param name="Value">The value as text, quotes removed.</param>
/// <param name="Line">1-based source line; 0 for an item built in memory.</param>
public readonly record struct StarPair(string Key, string Value, int Line);
