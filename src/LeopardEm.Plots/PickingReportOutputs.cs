using LeopardEm.Outputs;
using LeopardEm.Programs;

namespace LeopardEm.Plots;

/// <summary>
/// The figures and page of <see cref="PickingReport"/> as outputs of a job (one <see cref="IOutputWriter{TResult}"/>
/// per file), so they are checked with the job's other outputs before it runs and written with them, all or none.
/// The report is rendered once per result, when the first of its files is written.
/// </summary>
public static class PickingReportOutputs
{
    /// <summary>The report of a run that picked particles (match_template, pick): figures (a)–(c) and the page.</summary>
    /// <param name="key">The option that named the folder, for messages (e.g. <c>--plots</c>).</param>
    /// <param name="directory">Folder as written.</param>
    /// <param name="baseDirectory">Directory a relative folder resolves against.</param>
    public static IReadOnlyList<IOutputWriter<IPickingOutcome>> For(string key, string directory, string baseDirectory) =>
        For<IPickingOutcome>(key, directory, baseDirectory, refinement: false, outcome => new PickingReportInput(
            outcome.Maps.Mip, outcome.Maps.ScaledMip, outcome.Picking, outcome.PickingOptions, outcome.TemplateSize));

    /// <summary>The report of any result.</summary>
    /// <typeparam name="TResult">What the job produces (a reference type: the rendering is cached per result).</typeparam>
    /// <param name="key">The option that named the folder, for messages.</param>
    /// <param name="directory">Folder as written.</param>
    /// <param name="baseDirectory">Directory a relative folder resolves against.</param>
    /// <param name="refinement">Whether the report has figure (d); the input must then carry the refinement.</param>
    /// <param name="input">What to draw for a result.</param>
    public static IReadOnlyList<IOutputWriter<TResult>> For<TResult>(
        string key, string directory, string baseDirectory, bool refinement, Func<TResult, PickingReportInput> input)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(input);
        var rendering = new Rendering<TResult>(input, refinement);
        return [.. PickingReport.FileNames(refinement).Select(file => new ReportFileOutput<TResult>(
            OutputTarget.Resolve(key, Path.Combine(directory, file), baseDirectory), file, rendering))];
    }

    // The files of the last result rendered: the writers of one report share it, and a set writes its files in one go.
    private sealed class Rendering<TResult>(Func<TResult, PickingReportInput> input, bool refinement)
        where TResult : class
    {
        private TResult? _result;
        private IReadOnlyDictionary<string, byte[]>? _files;

        public byte[] File(TResult result, string name)
        {
            if (_files is null || !ReferenceEquals(_result, result))
            {
                var report = input(result);
                if (report.Refinement is null == refinement)
                {
                    throw new InvalidOperationException(refinement
                        ? "The report was declared with the refinement figure, but the result has no refinement."
                        : "The report was declared without the refinement figure, but the result has a refinement.");
                }

                _files = PickingReport.Render(report).ToDictionary(f => f.File, f => f.Content, StringComparer.Ordinal);
                _result = result;
            }

            return _files[name];
        }
    }

    private sealed class ReportFileOutput<TResult>(OutputTarget target, string file, Rendering<TResult> rendering) : IOutputWriter<TResult>
        where TResult : class
    {
        public OutputTarget Target { get; } = target;

        public void Write(Stream stream, TResult result) => stream.Write(rendering.File(result, file));
    }
}
