using SafeguardGen.Language.Text;

namespace SafeguardGen.Language.Lexing;

public enum TokenKind
{
    EndOfFile,
    Identifier,
    StringLiteral,
    Number,
    Date,
    LanguageTag,
    OpenBrace,
    CloseBrace,
    OpenParen,
    CloseParen,
    Comma,
    Colon,
    Dot,
    EqualsEquals,
    NotEquals,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>Text the lexer could not read; it has already been reported.</summary>
    Bad,
}

/// <summary>
/// One token. <see cref="Value"/> is the decoded value: the string without quotes and escapes,
/// the tag without '@'; for other tokens it is the source text.
/// </summary>
public readonly record struct Token(TokenKind Kind, TextSpan Span, string Value)
{
    public bool IsWord(string word) => Kind == TokenKind.Identifier && string.Equals(Value, word, System.StringComparison.Ordinal);

    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Identifier => "'" + Value + "'",
        TokenKind.StringLiteral => "a string",
        TokenKind.Number => "number " + Value,
        TokenKind.Date => "date " + Value,
        TokenKind.LanguageTag => "'@" + Value + "'",
        TokenKind.Bad => "unreadable text",
        _ => "'" + Value + "'",
    };

    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Identifier => "a name",
        TokenKind.StringLiteral => "a string",
        TokenKind.Number => "a number",
        TokenKind.Date => "a date",
        TokenKind.LanguageTag => "a language tag",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenParen => "'('",
        TokenKind.CloseParen => "')'",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Dot => "'.'",
        TokenKind.EqualsEquals => "'=='",
        TokenKind.NotEquals => "'!='",
        TokenKind.Less => "'<'",
        TokenKind.LessOrEqual => "'<='",
        TokenKind.Greater => "'>'",
        TokenKind.GreaterOrEqual => "'>='",
        _ => "unreadable text",
    };
}
