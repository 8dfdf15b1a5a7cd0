using System;
using System.Linq;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SafeguardGen.Examples.AssessmentWeb.Data;

/// <summary>The app's one database: Identity's accounts and the assessments, their history and comments.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<AssessmentEntity> Assessments => Set<AssessmentEntity>();

    public DbSet<AnswerChangeEntity> AnswerChanges => Set<AnswerChangeEntity>();

    public DbSet<CommentEntity> Comments => Set<CommentEntity>();

    public DbSet<AccessEntity> Access => Set<AccessEntity>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<AssessmentEntity>(e =>
        {
            e.ToTable("Assessments");
            e.HasIndex(a => a.OwnerId);
        });
        builder.Entity<AnswerChangeEntity>(e =>
        {
            e.ToTable("AnswerChanges");
            e.HasIndex(c => c.AssessmentId);
            e.HasOne<AssessmentEntity>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CommentEntity>(e =>
        {
            e.ToTable("Comments");
            e.HasIndex(c => c.AssessmentId);
            e.HasOne<AssessmentEntity>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AccessEntity>(e =>
        {
            e.ToTable("AssessmentAccess");
            e.HasKey(a => new { a.AssessmentId, a.UserId });
            e.HasIndex(a => a.UserId);
            e.HasOne<AssessmentEntity>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>History and comments are append-only: the app refuses to change or remove one, as the database's triggers do.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseRewritingHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc/>
    public override System.Threading.Tasks.Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, System.Threading.CancellationToken cancellationToken = default)
    {
        RefuseRewritingHistory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseRewritingHistory()
    {
        var rewritten = ChangeTracker.Entries()
            .FirstOrDefault(e => e.Entity is AnswerChangeEntity or CommentEntity && e.State is EntityState.Modified or EntityState.Deleted);
        if (rewritten is not null)
        {
            throw new InvalidOperationException("The history of answers and the comments are append-only; a " + rewritten.Entity.GetType().Name + " cannot be changed or removed.");
        }
    }
}
