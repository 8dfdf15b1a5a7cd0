using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using SafeguardGen.Examples.AssessmentWeb.Data;

namespace SafeguardGen.Examples.AssessmentWeb.Storage;

/// <summary>
/// Assessments in the app's database through EF Core (SQLite by default). A write checks the version it read in
/// the same UPDATE that applies it, so of two people saving at once one wins and the other is told.
/// </summary>
public sealed class EfAssessmentStore(AppDbContext db, TimeProvider clock) : IAssessmentStore
{
    public async Task<int> CreateAsync(NewAssessment assessment, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new AssessmentEntity
        {
            ChecklistId = assessment.ChecklistId,
            CaseReference = assessment.CaseReference,
            Description = assessment.Description,
            OwnerId = actor.UserId,
            OwnerName = actor.UserName,
            CreatedUtc = now,
            UpdatedUtc = now,
            AnswersJson = AnswerMap.Write(assessment.Answers),
            Version = 1,
        };
        // The assessment and the history of its resumed answers are written together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        db.Assessments.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (assessment.Answers.Count > 0)
        {
            // Answers resumed from a file are history too: who brought them in, and when.
            foreach (var (question, value) in assessment.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                db.AnswerChanges.Add(new AnswerChangeEntity { AssessmentId = entity.Id, QuestionId = question, OldValue = null, NewValue = value, UserId = actor.UserId, UserName = actor.UserName, AtUtc = now, Version = 1 });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entity.Id;
    }

    public async Task<IReadOnlyList<AssessmentSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var given = db.Access.Where(a => a.UserId == actor.UserId).Select(a => a.AssessmentId);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.OwnerId == actor.UserId || given.Contains(a.Id))
            .Select(a => new { a.Id, a.ChecklistId, a.CaseReference, a.OwnerName, a.UpdatedUtc, a.OwnerId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderByDescending(r => r.UpdatedUtc).ThenByDescending(r => r.Id)
            .Select(r => new AssessmentSummary(r.Id, r.ChecklistId, r.CaseReference, r.OwnerName, r.UpdatedUtc, r.OwnerId == actor.UserId))
            .ToList();
    }

    public async Task<AssessmentRecord?> FindAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entity = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return null;
        }

        var shared = await db.Access.AsNoTracking().Where(a => a.AssessmentId == id).OrderBy(a => a.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
        var isOwner = entity.OwnerId == actor.UserId;
        if (!isOwner && !shared.Any(a => a.UserId == actor.UserId))
        {
            return null;
        }

        var history = await db.AnswerChanges.AsNoTracking().Where(c => c.AssessmentId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var comments = await db.Comments.AsNoTracking().Where(c => c.AssessmentId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AssessmentRecord(
            entity.Id,
            entity.ChecklistId,
            entity.CaseReference,
            entity.Description,
            entity.OwnerName,
            DateTime.SpecifyKind(entity.CreatedUtc, DateTimeKind.Utc),
            DateTime.SpecifyKind(entity.UpdatedUtc, DateTimeKind.Utc),
            entity.Version,
            AnswerMap.Read(entity.AnswersJson),
            actor.CanAssess,
            isOwner,
            history.Select(ToChange).ToList(),
            comments.Select(c => new Comment(c.UserName, DateTime.SpecifyKind(c.AtUtc, DateTimeKind.Utc), c.Text)).ToList(),
            shared.Select(a => a.UserName).ToList());
    }

    public async Task<SaveResult> SaveAnswersAsync(int id, long expectedVersion, IReadOnlyList<AnswerEdit> edits, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(actor);
        var entity = await db.Assessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (entity is null || !await MaySeeAsync(entity, actor, cancellationToken).ConfigureAwait(false))
        {
            return SaveResult.Of(SaveStatus.NotFound);
        }

        if (!actor.CanAssess)
        {
            return SaveResult.Of(SaveStatus.Forbidden);
        }

        if (entity.Version != expectedVersion)
        {
            return await ConflictAsync(id, expectedVersion, cancellationToken).ConfigureAwait(false);
        }

        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (question, value) in AnswerMap.Read(entity.AnswersJson))
        {
            answers[question] = value;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var version = entity.Version + 1;
        var changed = false;
        foreach (var edit in edits)
        {
            answers.TryGetValue(edit.QuestionId, out var old);
            if (string.Equals(old, edit.NewValue, StringComparison.Ordinal))
            {
                continue;
            }

            if (edit.NewValue is null)
            {
                answers.Remove(edit.QuestionId);
            }
            else
            {
                answers[edit.QuestionId] = edit.NewValue;
            }

            db.AnswerChanges.Add(new AnswerChangeEntity { AssessmentId = id, QuestionId = edit.QuestionId, OldValue = old, NewValue = edit.NewValue, UserId = actor.UserId, UserName = actor.UserName, AtUtc = now, Version = version });
            changed = true;
        }

        if (!changed)
        {
            return SaveResult.Of(SaveStatus.Saved);
        }

        entity.AnswersJson = AnswerMap.Write(answers);
        entity.UpdatedUtc = now;
        entity.Version = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer saved between our read and our write: nothing of ours was applied.
            db.ChangeTracker.Clear();
            return await ConflictAsync(id, expectedVersion, cancellationToken).ConfigureAwait(false);
        }

        return SaveResult.Of(SaveStatus.Saved);
    }

    public async Task<SaveStatus> CommentAsync(int id, string text, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entity = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (entity is null || !await MaySeeAsync(entity, actor, cancellationToken).ConfigureAwait(false))
        {
            return SaveStatus.NotFound;
        }

        db.Comments.Add(new CommentEntity { AssessmentId = id, UserId = actor.UserId, UserName = actor.UserName, AtUtc = clock.GetUtcNow().UtcDateTime, Text = text });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SaveStatus.Saved;
    }

    public async Task<SaveStatus> GrantAsync(int id, string userId, string userName, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entity = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (entity is null || !await MaySeeAsync(entity, actor, cancellationToken).ConfigureAwait(false))
        {
            return SaveStatus.NotFound;
        }

        if (entity.OwnerId != actor.UserId)
        {
            return SaveStatus.Forbidden;
        }

        if (userId != entity.OwnerId && !await db.Access.AnyAsync(a => a.AssessmentId == id && a.UserId == userId, cancellationToken).ConfigureAwait(false))
        {
            db.Access.Add(new AccessEntity { AssessmentId = id, UserId = userId, UserName = userName });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return SaveStatus.Saved;
    }

    private async Task<bool> MaySeeAsync(AssessmentEntity entity, Actor actor, CancellationToken cancellationToken) =>
        entity.OwnerId == actor.UserId || await db.Access.AnyAsync(a => a.AssessmentId == entity.Id && a.UserId == actor.UserId, cancellationToken).ConfigureAwait(false);

    private async Task<SaveResult> ConflictAsync(int id, long expectedVersion, CancellationToken cancellationToken)
    {
        var unseen = await db.AnswerChanges.AsNoTracking().Where(c => c.AssessmentId == id && c.Version > expectedVersion).OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new SaveResult(SaveStatus.Conflict, unseen.Select(ToChange).ToList());
    }

    private static AnswerChange ToChange(AnswerChangeEntity c) => new(c.QuestionId, c.OldValue, c.NewValue, c.UserName, DateTime.SpecifyKind(c.AtUtc, DateTimeKind.Utc), c.Version);
}

/// <summary>The current answers as stored: a JSON object from question ID to the answer's JSON value, keys in ordinal order.</summary>
internal static class AnswerMap
{
    public static string Write(IEnumerable<KeyValuePair<string, string>> answers)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (question, value) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(question);
                writer.WriteRawValue(value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyDictionary<string, string> Read(string json)
    {
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            answers[property.Name] = property.Value.GetRawText();
        }

        return answers;
    }
}
