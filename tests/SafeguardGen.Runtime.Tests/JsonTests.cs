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
