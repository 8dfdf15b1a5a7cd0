using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SafeguardGen.Examples.AssessmentWeb.Storage;

/// <summary>Who is acting: the signed-in user and whether their role lets them change answers.</summary>
/// <param name="UserId">The account's ID.</param>
/// <param name="UserName">The account's name, as shown in history.</param>
/// <param name="CanAssess">Whether the user is an assessor (a reviewer sees and comments, but changes nothing).</param>
public sealed record Actor(string UserId, string UserName, bool CanAssess);

/// <summary>What starts an assessment.</summary>
/// <param name="ChecklistId">The checklist's qualified name.</param>
/// <param name="CaseReference">The case reference.</param>
/// <param name="Description">A short description of the request.</param>
/// <param name="Answers">Answers to begin with (a resumed file), by question ID, as JSON values.</param>
public sealed record NewAssessment(string ChecklistId, string CaseReference, string Description, IReadOnlyDictionary<string, string> Answers);

/// <summary>One row of the list of assessments a user may open.</summary>
public sealed record AssessmentSummary(int Id, string ChecklistId, string CaseReference, string OwnerName, DateTime UpdatedUtc, bool IsOwner);

/// <summary>One change of one answer, as kept.</summary>
/// <param name="QuestionId">The question's ID.</param>
/// <param name="OldValue">The answer before, as JSON; null when it was not answered.</param>
/// <param name="NewValue">The answer after, as JSON; null when it was cleared.</param>
/// <param name="UserName">Who changed it.</param>
/// <param name="AtUtc">When.</param>
/// <param name="Version">The assessment's version it produced.</param>
public sealed record AnswerChange(string QuestionId, string? OldValue, string? NewValue, string UserName, DateTime AtUtc, long Version);

/// <summary>A comment on an assessment.</summary>
public sealed record Comment(string UserName, DateTime AtUtc, string Text);

/// <summary>An assessment as a user may see it.</summary>
public sealed record AssessmentRecord(
    int Id,
    string ChecklistId,
    string CaseReference,
    string Description,
    string OwnerName,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    long Version,
    IReadOnlyDictionary<string, string> Answers,
    bool CanEdit,
    bool IsOwner,
    IReadOnlyList<AnswerChange> History,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<string> SharedWith);

/// <summary>A change to one answer: its new JSON value, or null to clear it.</summary>
public sealed record AnswerEdit(string QuestionId, string? NewValue);

/// <summary>How a write went.</summary>
public enum SaveStatus
{
    /// <summary>Written.</summary>
    Saved,

    /// <summary>Someone else changed the assessment since the version the writer read; nothing was written.</summary>
    Conflict,

    /// <summary>No such assessment, or the user may not see it.</summary>
    NotFound,

    /// <summary>The user may see the assessment but not change it.</summary>
    Forbidden,
}

/// <summary>The result of a write: its status, and on a conflict the changes the writer had not seen.</summary>
public sealed record SaveResult(SaveStatus Status, IReadOnlyList<AnswerChange> UnseenChanges)
{
    public static SaveResult Of(SaveStatus status) => new(status, Array.Empty<AnswerChange>());
}

/// <summary>
/// Where assessments live. The pages see only this interface, so a server database can replace SQLite by
/// registering another implementation (see the README); every method enforces who may see and change what.
/// </summary>
public interface IAssessmentStore
{
    Task<int> CreateAsync(NewAssessment assessment, Actor actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AssessmentSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default);

    /// <summary>The assessment, or null when it does not exist or the user may not see it (the two are not told apart).</summary>
    Task<AssessmentRecord?> FindAsync(int id, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Applies the edits if the assessment is still at <paramref name="expectedVersion"/>; every edit is kept in the history.</summary>
    Task<SaveResult> SaveAnswersAsync(int id, long expectedVersion, IReadOnlyList<AnswerEdit> edits, Actor actor, CancellationToken cancellationToken = default);

    Task<SaveStatus> CommentAsync(int id, string text, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Gives the assessment to another user; only the user who created it may.</summary>
    Task<SaveStatus> GrantAsync(int id, string userId, string userName, Actor actor, CancellationToken cancellationToken = default);
}
