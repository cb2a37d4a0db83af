using FsCheck;
using FsCheck.Fluent;
using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

/// <summary>
/// Property test: a valid MRC file with random header words overwritten, random bytes flipped or its tail cut off is
/// either read or refused with an <see cref="MrcFormatException"/> (or <see cref="FileNotFoundException"/> never:
/// the file exists) — never another exception from inside the reader. The seed is fixed, so the cases are the same
/// in every run.
/// </summary>
public sealed class MrcFuzzTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A corruption: header words (offset 0..1020 step 4, any 32-bit value), single bytes anywhere, and a
    /// truncation length.</summary>
    public sealed record Corruption(int[] Words, int[] WordValues, int[] Bytes, byte[] ByteValues, int Keep);

    [Fact]
    public void Corrupted_files_are_read_or_refused_with_the_readers_own_error()
    {
        var valid = new MrcFileBuilder(4, 3, 2, mode: 2).Data(new byte[4 * 3 * 2 * 4]).ToBytes();
        var corruption =
            from words in Gen.Choose(0, 255).ArrayOf()
            from values in Gen.Elements(0, 1, 2, 4, 6, 12, -1, -5, 1024, int.MaxValue, int.MinValue, 0x44440000, 0x11110000)
                .ArrayOf(words.Length)
            from bytes in Gen.Choose(0, valid.Length - 1).ArrayOf()
            from byteValues in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(bytes.Length)
            from keep in Gen.Frequency((3, Gen.Constant(valid.Length)), (1, Gen.Choose(0, valid.Length)))
            select new Corruption(words, values, bytes, byteValues, keep);
        var path = _dir.File("fuzz.mrc");
        Prop.ForAll(Arb.From(corruption), c =>
        {
            var bytes = (byte[])valid.Clone();
            for (var i = 0; i < c.Words.Length; i++)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(4 * c.Words[i], 4), c.WordValues[i]);
            }

            for (var i = 0; i < c.Bytes.Length; i++)
            {
                bytes[c.Bytes[i]] = c.ByteValues[i];
            }

            File.WriteAllBytes(path, bytes[..c.Keep]);
            foreach (var read in new Action[] { () => MrcReader.ReadImage(path), () => MrcReader.ReadVolume(path), () => MrcReader.ReadStack(path) })
            {
                try
                {
                    read();
                }
                catch (MrcFormatException)
                {
                }
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(400).WithReplay(12345UL, 67891UL));
    }
}
