using System.Globalization;

namespace LeopardEm.Io;

/// <summary>
/// Reads the atoms of an mmCIF (PDBx) file from its <c>_atom_site</c> loop, first model only
/// (<c>pdbx_PDB_model_num</c>). Values may be bare, quoted or text fields; an unquoted <c>?</c> or <c>.</c> means
/// "unknown": occupancy 1, B 0, no alternate location. Author names (<c>auth_*</c>) are preferred over label names;
/// the element comes from <c>type_symbol</c> or, when absent, from the atom name
/// (<see cref="ElementSymbols.FromAtomName"/>).
/// </summary>
public static class MmCifReader
{
    private const string Category = "_atom_site.";

    /// <summary>Reads an mmCIF file.</summary>
    /// <exception cref="AtomicModelFormatException">A row is malformed, or the file has no <c>_atom_site</c> loop.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AtomicModel Read(string path) => Parse(InputFile.ReadText(path, "the mmCIF file"), path);

    /// <summary>Parses mmCIF text.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="AtomicModelFormatException">A row is malformed, or the text has no <c>_atom_site</c> loop.</exception>
    public static AtomicModel Parse(string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new CifTokenizer(text, sourceName);
        while (tokens.Next(out var token))
        {
            if (token.Quoted || !token.In(text).Equals("loop_", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var loopLine = token.Line;
            var tags = new List<string>();
            CifToken first = default;
            var more = tokens.Next(out first);
            while (more && !first.Quoted && first.In(text).StartsWith("_", StringComparison.Ordinal))
            {
                tags.Add(first.In(text).ToString());
                more = tokens.Next(out first);
            }

            if (tags.Count > 0 && tags[0].StartsWith(Category, StringComparison.OrdinalIgnoreCase))
            {
                var columns = new AtomSiteColumns(tags, loopLine, sourceName);
                return new AtomicModel(ReadRows(text, tokens, more ? first : null, columns, sourceName), sourceName);
            }
        }

        throw new AtomicModelFormatException(sourceName, 0, "no _atom_site loop found (is this an mmCIF file?)");
    }

    private static List<AtomSite> ReadRows(
        string text, CifTokenizer tokens, CifToken? first, AtomSiteColumns columns, string sourceName)
    {
        var atoms = new List<AtomSite>();
        var row = new CifToken[columns.Count];
        var filled = 0;
        string? firstModel = null;
        for (var token = first; token is { } t && !EndsLoop(text, t); token = tokens.Next(out var next) ? next : null)
        {
            row[filled++] = t;
            if (filled < row.Length)
            {
                continue;
            }

            filled = 0;
            var model = columns.ModelNumber(text, row);
            firstModel ??= model;
            if (model == firstModel)
            {
                atoms.Add(columns.ToAtom(text, row));
            }
        }

        if (filled > 0)
        {
            throw new AtomicModelFormatException(sourceName, row[0].Line,
                $"the last _atom_site row (starting here) has {filled} of its {columns.Count} values; every row needs " +
                "one value per column, so a value is missing or extra somewhere in the loop");
        }

        if (atoms.Count == 0)
        {
            throw new AtomicModelFormatException(sourceName, columns.LoopLine, "the _atom_site loop has no rows");
        }

        return atoms;
    }

    private static bool EndsLoop(string text, CifToken token)
    {
        if (token.Quoted)
        {
            return false;
        }

        var word = token.In(text);
        return word.StartsWith("_", StringComparison.Ordinal) ||
               word.StartsWith("loop_", StringComparison.OrdinalIgnoreCase) ||
               word.StartsWith("data_", StringComparison.OrdinalIgnoreCase) ||
               word.StartsWith("save_", StringComparison.OrdinalIgnoreCase) ||
               word.Equals("global_", StringComparison.OrdinalIgnoreCase) ||
               word.Equals("stop_", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Where each field the reader uses sits in a row of the loop (-1 when the loop lacks it).</summary>
    private sealed class AtomSiteColumns
    {
        private readonly string _sourceName;
        private readonly int _group;
        private readonly int _element;
        private readonly int _atomName;
        private readonly int _altLoc;
        private readonly int _residue;
        private readonly int _chain;
        private readonly int _x;
        private readonly int _y;
        private readonly int _z;
        private readonly int _occupancy;
        private readonly int _b;

        public AtomSiteColumns(List<string> tags, int loopLine, string sourceName)
        {
            _sourceName = sourceName;
            LoopLine = loopLine;
            Count = tags.Count;
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tags.Count; i++)
            {
                index.TryAdd(tags[i][Category.Length..], i);
            }

            int Find(params string[] names) => names.Select(n => index.GetValueOrDefault(n, -1)).FirstOrDefault(i => i >= 0, -1);
            int Require(string name) => Find(name) is var i and >= 0 ? i : throw new AtomicModelFormatException(
                sourceName, loopLine, $"the _atom_site loop has no {Category}{name} column; it is required");

            _group = Find("group_PDB");
            _element = Find("type_symbol");
            _atomName = Find("auth_atom_id", "label_atom_id");
            _altLoc = Find("label_alt_id");
            _residue = Find("auth_comp_id", "label_comp_id");
            _chain = Find("auth_asym_id", "label_asym_id");
            _x = Require("Cartn_x");
            _y = Require("Cartn_y");
            _z = Require("Cartn_z");
            _occupancy = Find("occupancy");
            _b = Find("B_iso_or_equiv");
            Model = Find("pdbx_PDB_model_num");
        }

        public int Count { get; }

        public int LoopLine { get; }

        private int Model { get; }

        /// <summary>The value in column <paramref name="column"/>, or null when the loop lacks the column or the value
        /// is an unquoted <c>?</c> or <c>.</c>.</summary>
        public string? Text(string text, CifToken[] row, int column)
        {
            if (column < 0)
            {
                return null;
            }

            var token = row[column];
            var value = token.In(text);
            return !token.Quoted && value is "?" or "." ? null : value.ToString();
        }

        /// <summary>The row's model number (null when the loop has none); a non-integer means shifted columns.</summary>
        public string? ModelNumber(string text, CifToken[] row)
        {
            var model = Text(text, row, Model);
            return model is null || int.TryParse(model, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? model
                : throw Error(row, Model, $"expected an integer model number in {Category}pdbx_PDB_model_num, got '{model}'");
        }

        public AtomSite ToAtom(string text, CifToken[] row)
        {
            var group = Text(text, row, _group);
            if (group is not (null or "ATOM" or "HETATM"))
            {
                throw Error(row, _group, $"expected ATOM or HETATM in {Category}group_PDB, got '{group}'");
            }

            var name = Text(text, row, _atomName) ?? "";
            var residue = Text(text, row, _residue) ?? "";
            var symbol = Text(text, row, _element);
            var element = symbol is null
                ? ElementSymbols.FromAtomName(name, residue) ?? throw Error(row, 0,
                    $"the element ({Category}type_symbol) is unknown and atom name '{name}' implies no element")
                : ElementSymbols.Normalize(symbol) ?? throw Error(row, _element,
                    $"{Category}type_symbol '{symbol}' is not a chemical element symbol");
            return new AtomSite
            {
                Element = element,
                AtomName = name,
                ResidueName = residue,
                ChainId = Text(text, row, _chain) ?? "",
                AltLoc = Text(text, row, _altLoc) ?? "",
                X = Number(text, row, _x, "Cartn_x", null),
                Y = Number(text, row, _y, "Cartn_y", null),
                Z = Number(text, row, _z, "Cartn_z", null),
                Occupancy = Number(text, row, _occupancy, "occupancy", 1.0),
                BFactor = Number(text, row, _b, "B_iso_or_equiv", 0.0),
                IsHetero = group == "HETATM",
                Line = row[0].Line,
            };
        }

        private double Number(string text, CifToken[] row, int column, string name, double? unknown)
        {
            if (Text(text, row, column) is null && unknown is { } fallback)
            {
                return fallback;
            }

            var value = row[column].In(text);
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
                double.IsFinite(number))
            {
                return number;
            }

            throw Error(row, column, $"expected a number in {Category}{name}, got '{value}'");
        }

        /// <summary>An error in a row, reported at the row's first line. A value that is missing or extra in a row
        /// shifts every later value into the wrong column, so the error may show only a row or two later; the message
        /// says so when the offending value sits on another line than the row's start.</summary>
        private AtomicModelFormatException Error(CifToken[] row, int column, string detail)
        {
            var line = row[0].Line;
            var at = row[column].Line;
            return new AtomicModelFormatException(_sourceName, line,
                at == line ? detail : $"{detail} (on line {at}, but this row starts at line {line}: a value missing or extra " +
                                      "shifts the columns; every row needs one value per column)");
        }
    }
}
