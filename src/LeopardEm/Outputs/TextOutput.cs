using System.Text;

namespace LeopardEm.Outputs;

/// <summary>A text file of the result (a CSV curve, a one-line summary), UTF-8 without a byte-order mark, written
/// exactly as the text the result gives.</summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
/// <param name="target">Where it goes.</param>
/// <param name="text">The file's whole text for a result.</param>
public sealed class TextOutput<TResult>(OutputTarget target, Func<TResult, string> text) : IOutputWriter<TResult>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public OutputTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <inheritdoc />
    public void Write(Stream stream, TResult result)
    {
        var bytes = Utf8.GetBytes(text(result));
        stream.Write(bytes);
    }
}
