namespace LeopardEm.Config;

/// <summary>Finds the first flow bracket (<c>[</c> or <c>{</c>) of a YAML text that is never closed, skipping quoted
/// strings and comments, for the syntax errors YamlDotNet reports without a position.</summary>
internal static class UnclosedBracket
{
    /// <summary>The first unclosed bracket and where it is, or null when every bracket is closed.</summary>
    public static (char Bracket, SourceLocation Location)? Find(string text)
    {
        var open = new Stack<(char Bracket, SourceLocation Location)>();
        int line = 1, column = 1;
        char? quote = null;
        for (var i = 0; i < text.Length; i++, column++)
        {
            var c = text[i];
            if (c == '\n')
            {
                (line, column) = (line + 1, 0);
                continue;
            }

            if (quote is { } q)
            {
                quote = c == q ? null : quote;
                continue;
            }

            switch (c)
            {
                // Quotes open a quoted scalar only where a scalar starts (so the apostrophe of "it's" is plain text).
                case '\'' or '"' when i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '[' or '{' or ',' or ':':
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '[' or '{':
                    open.Push((c, new SourceLocation(line, column)));
                    break;
                case ']' or '}' when open.Count > 0:
                    open.Pop();
                    break;
            }
        }

        return open.Count > 0 ? open.Reverse().First() : null;
    }
}
