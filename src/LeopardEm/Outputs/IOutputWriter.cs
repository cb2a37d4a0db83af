namespace LeopardEm.Outputs;

/// <summary>
/// One output file of a job: declared before the job runs, so that every output can be checked before hours of
/// work (<see cref="OutputSet{TResult}.Check"/>), and written from the job's result at the end. A new kind of output
/// (a STAR file, a plot) is one implementation.
/// </summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
public interface IOutputWriter<in TResult>
{
    /// <summary>Where the file goes.</summary>
    OutputTarget Target { get; }

    /// <summary>Writes the whole file content for <paramref name="result"/> to <paramref name="stream"/>, which it must
    /// not close.</summary>
    void Write(Stream stream, TResult result);
}
