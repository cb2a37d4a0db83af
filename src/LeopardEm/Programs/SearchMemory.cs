namespace LeopardEm.Programs;

/// <summary>The memory a full search needs (<see cref="SearchBudget.MatchTemplateMemory"/>), bytes.</summary>
/// <param name="SharedBytes">Held once: the micrograph's spectra, the template, the orientations.</param>
/// <param name="PerWorkerBytes">Added by each worker thread: its statistics, buffers and group of spectra (the groups
/// of all workers together are capped, so <see cref="TotalBytes"/> can be less than shared + threads x this).</param>
/// <param name="TotalBytes">The whole search with the given threads.</param>
public sealed record SearchMemory(long SharedBytes, long PerWorkerBytes, long TotalBytes);
