using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeguardGen.Runtime.Tests;

public sealed class JsonTests
{
    [JsonConverter(typeof(ColourConverter))]
    public enum Colour
    {
        Red,
        DarkBlue,
    }

    public sealed class ColourConverter() : ChoiceJsonConverter<Colour>(["red", "dark-blue"]);

    public sealed class Inner
    {
        [JsonPropertyName("colour")]
        public Colour? Colour { get; set; }
    }

    public sealed class Answers
    {
        [JsonPropertyName("paint")]
        public Inner? Paint { get; set; }
    }

    [Fact]
    public void An_option_name_reads_as_its_enum_member()
    {
        Assert.Equal(Colour.DarkBlue, AnswersJson.Read<Answers>("""{"paint":{"colour":"dark-blue"}}""").Paint!.Colour);
    }

    [Fact]
    public void An_unknown_option_names_the_valid_options_and_the_json_path()
    {
        var error = Assert.Throws<JsonException>(() => AnswersJson.Read<Answers>("""{"paint":{"colour":"green"}}"""));

        Assert.Equal("Expected one of the options red, dark-blue. Path: $.paint.colour.", error.Message);
        Assert.Equal("$.paint.colour", error.Path);
    }

    [Fact]
    public void Null_answers_are_rejected_with_a_message()
    {
        var error = Assert.Throws<JsonException>(() => AnswersJson.Read<Answers>("null"));

        Assert.StartsWith("The answers are null.", error.Message, System.StringComparison.Ordinal);
    }
}

public sealed class TextListJsonTests
{
    public sealed class Notes
    {
        [JsonPropertyName("texts")]
        [JsonConverter(typeof(TextListJsonConverter))]
        public System.Collections.Generic.IReadOnlyList<string>? Texts { get; set; }
    }

    [Fact]
    public void A_list_of_texts_reads_its_texts_and_null_as_no_answer()
    {
        Assert.Equal(["a", "b"], AnswersJson.Read<Notes>("""{"texts":["a","b"]}""").Texts!);
        Assert.Null(AnswersJson.Read<Notes>("""{"texts":null}""").Texts);
    }

    [Theory]
    [InlineData("""{"texts":[null]}""")]
    [InlineData("""{"texts":["a",1]}""")]
    [InlineData("""{"texts":"a"}""")]
    public void A_list_of_texts_refuses_null_items_and_other_values_as_the_schema_does(string json)
    {
        var error = Assert.Throws<JsonException>(() => AnswersJson.Read<Notes>(json));

        Assert.Contains("$.texts", error.Message, System.StringComparison.Ordinal);
    }
}
