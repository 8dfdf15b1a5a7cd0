using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeguardGen;

/// <summary>
/// Reads and writes a generated choice enum by its option names in the .treaty file ("independent-authority"),
/// so answer files use the same words as the treaty. Generated enums are int-backed and numbered from zero.
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
public abstract class ChoiceJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly string[] names;

    /// <summary>Creates the converter with the option names in the enum's order.</summary>
    protected ChoiceJsonConverter(string[] names)
    {
        this.names = names;
    }

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            for (var i = 0; i < names.Length; i++)
            {
                if (string.Equals(names[i], text, StringComparison.Ordinal))
                {
                    return Unsafe.As<int, TEnum>(ref i);
                }
            }
        }

        throw new JsonException("Expected one of the options " + string.Join(", ", names) + ".");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var index = Unsafe.As<TEnum, int>(ref value);
        if (index < 0 || index >= names.Length)
        {
            throw new JsonException("Value " + index + " is not an option of " + typeof(TEnum).Name + ".");
        }

        writer.WriteStringValue(names[index]);
    }
}

/// <summary>
/// Reads and writes a list of texts, refusing a null item: an answer "a list of texts" holds texts, and the
/// answers' JSON Schema and the scenarios' reader of request files refuse null items too.
/// </summary>
public sealed class TextListJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a list of texts, [] for none.");
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a text; a list of texts holds no null or other value."));
        }

        return items;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Reads answers from JSON for generated checklists.</summary>
public static class AnswersJson
{
    /// <summary>Reads answers of type <typeparamref name="TAnswers"/>; a failure names the JSON path of the value at fault.</summary>
    /// <typeparam name="TAnswers">The generated answers class.</typeparam>
    /// <param name="json">The answers as JSON.</param>
    /// <exception cref="JsonException">The JSON does not fit the answers' shape, or is null.</exception>
    [RequiresUnreferencedCode("Reads the answers by reflection, as JsonSerializer.Deserialize does.")]
    [RequiresDynamicCode("Reads the answers by reflection, as JsonSerializer.Deserialize does.")]
    public static TAnswers Read<TAnswers>(string json)
        where TAnswers : class
    {
        try
        {
            return JsonSerializer.Deserialize<TAnswers>(json) ?? throw new JsonException("The answers are null.", "$", 0, 0);
        }
        catch (JsonException error) when (error.Path is not null && !error.Message.Contains("Path: ", StringComparison.Ordinal))
        {
            // System.Text.Json sets Path on an exception a converter throws but keeps the converter's message, so
            // "Expected one of the options ..." would not say which answer is wrong: add the path to the message.
            throw new JsonException(error.Message + " Path: " + error.Path + ".", error.Path, error.LineNumber, error.BytePositionInLine, error);
        }
    }
}
