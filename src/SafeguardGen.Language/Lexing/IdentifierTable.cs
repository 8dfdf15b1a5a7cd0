namespace SafeguardGen.Language.Lexing;

/// <summary>
/// One string per distinct identifier of a file: the lexer looks each identifier up by its characters in the
/// source, so a name used a thousand times is allocated once. Open addressing over a power-of-two table, grown at
/// half full, so a lookup is constant time on average and the whole file stays linear.
/// </summary>
internal sealed class IdentifierTable
{
    private string?[] slots = new string?[256];
    private int count;

    /// <summary>The identifier at <paramref name="start"/> of <paramref name="text"/>, <paramref name="length"/> characters long.</summary>
    public string Get(string text, int start, int length)
    {
        var hash = Hash(text, start, length);
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var found = slots[i];
            if (found is null)
            {
                var created = text.Substring(start, length);
                slots[i] = created;
                if (++count * 2 > slots.Length)
                {
                    Grow();
                }

                return created;
            }

            if (found.Length == length && string.CompareOrdinal(found, 0, text, start, length) == 0)
            {
                return found;
            }
        }
    }

    private void Grow()
    {
        var old = slots;
        slots = new string?[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var name in old)
        {
            if (name is null)
            {
                continue;
            }

            var i = Hash(name, 0, name.Length) & mask;
            while (slots[i] is not null)
            {
                i = (i + 1) & mask;
            }

            slots[i] = name;
        }
    }

    /// <summary>FNV-1a over the characters: deterministic across runs, unlike string.GetHashCode.</summary>
    private static int Hash(string text, int start, int length)
    {
        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
