namespace LeopardEm.Config;

/// <summary>A position in a configuration file, 1-based like editors show it.</summary>
/// <param name="Line">Line number, starting at 1.</param>
/// <param name="Column">Column number, starting at 1.</param>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>"line L, column C".</summary>
    public override string ToString() => $"line {Line}, column {Column}";
}
