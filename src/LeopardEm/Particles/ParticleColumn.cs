namespace LeopardEm.Particles;

/// <summary>One column of a particle table format: its name and how a typed particle row fills it. The CLR type of the
/// value decides how it is written (e.g. <see cref="float"/> like numpy float32, <see cref="int"/> without a decimal
/// point; see <see cref="Io.ParticleTableCsv"/>); null is an empty cell.</summary>
/// <typeparam name="T">The particle row type.</typeparam>
/// <param name="Name">Column name, as Leopard-EM spells it.</param>
/// <param name="Value">The cell of a row.</param>
public sealed record ParticleColumn<T>(string Name, Func<T, object?> Value);
