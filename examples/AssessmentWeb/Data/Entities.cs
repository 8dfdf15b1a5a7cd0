using System;
using System.ComponentModel.DataAnnotations;

namespace SafeguardGen.Examples.AssessmentWeb.Data;

/// <summary>One assessment of one request against one checklist.</summary>
public sealed class AssessmentEntity
{
    public int Id { get; set; }

    [MaxLength(200)]
    public string ChecklistId { get; set; } = string.Empty;

    [MaxLength(100)]
    public string CaseReference { get; set; } = string.Empty;

    [MaxLength(2000)]
    public string Description { get; set; } = string.Empty;

    [MaxLength(450)]
    public string OwnerId { get; set; } = string.Empty;

    [MaxLength(256)]
    public string OwnerName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The current answers: a JSON object from question ID to its answer's JSON value.</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>Raised by one on every change; a write that read an older version is refused, never applied over another.</summary>
    [ConcurrencyCheck]
    public long Version { get; set; }
}

/// <summary>One change of one answer: append-only (the database refuses to update or delete a row).</summary>
public sealed class AnswerChangeEntity
{
    public long Id { get; set; }

    public int AssessmentId { get; set; }

    [MaxLength(400)]
    public string QuestionId { get; set; } = string.Empty;

    /// <summary>The answer before, as JSON; null when it was not answered.</summary>
    public string? OldValue { get; set; }

    /// <summary>The answer after, as JSON; null when it was cleared.</summary>
    public string? NewValue { get; set; }

    [MaxLength(450)]
    public string UserId { get; set; } = string.Empty;

    [MaxLength(256)]
    public string UserName { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }

    /// <summary>The assessment's version this change produced.</summary>
    public long Version { get; set; }
}

/// <summary>A reviewer's or assessor's comment on an assessment: append-only.</summary>
public sealed class CommentEntity
{
    public long Id { get; set; }

    public int AssessmentId { get; set; }

    [MaxLength(450)]
    public string UserId { get; set; } = string.Empty;

    [MaxLength(256)]
    public string UserName { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }

    [MaxLength(4000)]
    public string Text { get; set; } = string.Empty;
}

/// <summary>An assessment given to a user other than the one who created it.</summary>
public sealed class AccessEntity
{
    public int AssessmentId { get; set; }

    [MaxLength(450)]
    public string UserId { get; set; } = string.Empty;

    [MaxLength(256)]
    public string UserName { get; set; } = string.Empty;
}
