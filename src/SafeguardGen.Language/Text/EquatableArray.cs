using System;
using System.Collections;
using System.Collections.Generic;

namespace SafeguardGen.Language.Text;

/// <summary>
/// An immutable array with structural equality, so that records holding lists compare by content.
/// Arrays and lists compare by reference, which would defeat the incremental generator's caching.
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? items;

    public EquatableArray(T[] items)
    {
        this.items = items;
    }

    public int Count => items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => (items ?? Array.Empty<T>())[index];

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public bool Equals(EquatableArray<T> other)
    {
        // Values built once and passed along (a project's treaty names, a cached file's lists) are the same array.
        if (ReferenceEquals(items, other.items))
        {
            return true;
        }

        var a = items ?? Array.Empty<T>();
        var b = other.items ?? Array.Empty<T>();
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        if (items is null)
        {
            return hash;
        }

        var comparer = EqualityComparer<T>.Default;
        foreach (var item in items)
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : comparer.GetHashCode(item)));
        }

        return hash;
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", this) + "]";
}

public static class EquatableArray
{
    /// <summary>The items as an equatable array: a collection (a list, an array) is copied once, straight into the array kept.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
    {
        if (items is ICollection<T> collection)
        {
            if (collection.Count == 0)
            {
                return new(Array.Empty<T>());
            }

            var array = new T[collection.Count];
            collection.CopyTo(array, 0);
            return new(array);
        }

        return new(new List<T>(items).ToArray());
    }

    public static EquatableArray<T> Create<T>(params T[] items) => new((T[])items.Clone());
}
