using FsCheck;
using FsCheck.Fluent;
using LeopardEm.Config;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Config;

/// <summary>
/// Property test: the example configurations with random edits (characters deleted, YAML punctuation inserted, lines
/// duplicated, swapped or cut) are either read or refused with a <see cref="ConfigException"/> whose message has the
/// file name — never another exception. The seed is fixed, so the cases are the same in every run.
/// </summary>
public sealed class ConfigFuzzTests
{
    private static readonly char[] Punctuation = [':', '[', ']', '{', '}', '-', '#', '\'', '"', ',', '\n', ' ', '\t', '&', '*', '!', '|', '>', '%', '@', '`', '0', '.', 'e'];

    /// <summary>An edit at a relative position (0..1) of the text: 0 delete a character, 1 insert punctuation, 2
    /// duplicate the line, 3 swap it with the next, 4 cut the text there.</summary>
    public sealed record Edit(int Kind, double Where, char Inserted);

    [Fact]
    public void Edited_configurations_are_read_or_refused_with_a_config_error()
    {
        var texts = new (string Name, string Text, Action<string> Parse)[]
        {
            ("match_template.yaml", File.ReadAllText(RepositoryFiles.Path("examples/match_template.yaml")), t => MatchTemplateConfig.Parse(t, "fuzz.yaml")),
            ("refine_template.yaml", File.ReadAllText(RepositoryFiles.Path("examples/refine_template.yaml")), t => RefineTemplateConfig.Parse(t, "fuzz.yaml")),
        };
        var edits =
            from kind in Gen.Choose(0, 4)
            from position in Gen.Choose(0, 10_000).Select(i => i / 10_000.0)
            from inserted in Gen.Elements(Punctuation)
            select new Edit(kind, position, inserted);
        var cases =
            from which in Gen.Choose(0, texts.Length - 1)
            from list in edits.ArrayOf()
            select (which, list);
        Prop.ForAll(Arb.From(cases), c =>
        {
            var (name, text, parse) = texts[c.which];
            foreach (var edit in c.list)
            {
                text = Apply(text, edit);
            }

            try
            {
                parse(text);
            }
            catch (ConfigException e)
            {
                Assert.Contains("fuzz.yaml", e.Message);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(2024UL, 2025UL));
    }

    private static string Apply(string text, Edit edit)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = Math.Min((int)(edit.Where * text.Length), text.Length - 1);
        var lines = text.Split('\n').ToList();
        var line = Math.Min((int)(edit.Where * lines.Count), lines.Count - 1);
        switch (edit.Kind)
        {
            case 0:
                return text.Remove(at, 1);
            case 1:
                return text.Insert(at, edit.Inserted.ToString());
            case 2:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 3 when line + 1 < lines.Count:
                (lines[line], lines[line + 1]) = (lines[line + 1], lines[line]);
                return string.Join('\n', lines);
            default:
                return text[..at];
        }
    }
}
