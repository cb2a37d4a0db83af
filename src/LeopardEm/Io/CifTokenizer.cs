namespace LeopardEm.Io;

/// <summary>One CIF token: a span of the text, the 1-based line it starts on, and whether it was quoted (a quoted
/// <c>'?'</c> is the literal text, an unquoted <c>?</c> means "unknown").</summary>
internal readonly record struct CifToken(int Start, int Length, int Line, bool Quoted)
{
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

/// <summary>
/// Splits CIF 1.1 text into tokens: whitespace-separated words, <c>'…'</c>/<c>"…"</c> strings (closed by the quote
/// followed by whitespace), <c>;</c>-delimited multi-line text fields, and <c>#</c> comments (skipped). Tokens point
/// into the text, so reading a 20 MB file allocates only the values a caller keeps.
/// </summary>
internal sealed class CifTokenizer(string text, string sourceName)
{
    private int _position;
    private int _line = 1;

    /// <summary>The next token, or false at the end of the text.</summary>
    /// <exception cref="AtomicModelFormatException">A quoted string or text field is not closed.</exception>
    public bool Next(out CifToken token)
    {
        SkipWhitespaceAndComments();
        token = default;
        if (_position >= text.Length)
        {
            return false;
        }

        var c = text[_position];
        if (c == ';' && AtLineStart(_position))
        {
            token = TextField();
        }
        else if (c is '\'' or '"')
        {
            token = Quoted(c);
        }
        else
        {
            var start = _position;
            while (_position < text.Length && !char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }

            token = new CifToken(start, _position - start, _line, Quoted: false);
        }

        return true;
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c == '\n')
            {
                _line++;
                _position++;
            }
            else if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < text.Length && text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool AtLineStart(int index) => index == 0 || text[index - 1] == '\n';

    private CifToken Quoted(char quote)
    {
        var line = _line;
        var start = _position + 1;
        for (var i = start; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] == quote && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                _position = i + 1;
                return new CifToken(start, i - start, line, Quoted: true);
            }
        }

        throw new AtomicModelFormatException(sourceName, line,
            $"quoted value starting with {quote} is not closed on its line (expected a closing {quote} followed by a space)");
    }

    private CifToken TextField()
    {
        var line = _line;
        var start = _position + 1;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] != '\n')
            {
                continue;
            }

            _line++;
            if (i + 1 < text.Length && text[i + 1] == ';')
            {
                _position = i + 2;
                return new CifToken(start, i - start, line, Quoted: true);
            }
        }

        throw new AtomicModelFormatException(sourceName, line,
            "text field starting with ';' is not closed (expected a line starting with ';')");
    }
}
