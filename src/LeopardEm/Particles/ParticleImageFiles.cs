using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Settings;

namespace LeopardEm.Particles;

/// <summary>
/// Reads the images a particle table names (micrographs, statistics maps) from MRC files, each file once however many
/// particles name it. Relative paths resolve against a base directory, as in Leopard-EM (the current directory).
/// </summary>
/// <param name="tableName">The table's name, for messages.</param>
/// <param name="baseDirectory">Directory relative paths are resolved against.</param>
public sealed class ParticleImageFiles(string tableName, string baseDirectory)
{
    private readonly Dictionary<string, Image2D> _cache = new(StringComparer.Ordinal);

    /// <summary>The image at <paramref name="path"/> as the table writes it.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names the table and both
    /// paths).</exception>
    public Image2D Read(string path)
    {
        var full = MatchTemplatePaths.Resolve(path, baseDirectory);
        if (!_cache.TryGetValue(full, out var image))
        {
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"{tableName} names '{path}' (resolved to '{full}'), which does not exist.", full);
            }

            _cache[full] = image = MrcReader.ReadImage(full);
        }

        return image;
    }
}
