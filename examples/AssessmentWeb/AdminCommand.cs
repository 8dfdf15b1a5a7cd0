using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace SafeguardGen.Examples.AssessmentWeb;

/// <summary>
/// <c>create-admin &lt;email&gt; [--password-stdin]</c>: creates the first administrator (also an assessor), or
/// gives an existing account those roles. The password is typed twice without echo, or read from standard input
/// with --password-stdin; there is no default password.
/// </summary>
internal static class AdminCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rest = args.Skip(1).Where(a => a != "--password-stdin").ToList();
        var fromStdin = args.Contains("--password-stdin");
        if (rest.Count != 1 || !rest[0].Contains('@', StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: dotnet run --project examples/AssessmentWeb -- create-admin <email> [--password-stdin]");
            return 2;
        }

        var password = fromStdin ? Console.In.ReadLine() : Prompt();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("create-admin: no password given; nothing was created.");
            return 1;
        }

        // The app's own services, without listening: the same database and password rules as the running app.
        var app = WebApp.Build(args.Where(a => a != "create-admin" && a != "--password-stdin" && a != rest[0]).ToArray());
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = rest[0];
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        IdentityResult result;
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password).ConfigureAwait(false);
        }
        else
        {
            result = await users.RemovePasswordAsync(user).ConfigureAwait(false);
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(user, password).ConfigureAwait(false);
            }
        }

        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, new[] { WebApp.AdministratorRole, WebApp.AssessorRole }.Where(r => !users.IsInRoleAsync(user, r).GetAwaiter().GetResult())).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            Console.Error.WriteLine("create-admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine("Administrator " + email + " can now sign in. Start the app with: dotnet run --project examples/AssessmentWeb");
        return 0;
    }

    private static string? Prompt()
    {
        if (Console.IsInputRedirected)
        {
            Console.Error.WriteLine("create-admin: standard input is not a terminal; pass --password-stdin to read the password from it.");
            return null;
        }

        var first = ReadHidden("Password (at least 12 characters): ");
        var second = ReadHidden("The same password again: ");
        if (first != second)
        {
            Console.Error.WriteLine("create-admin: the two passwords differ.");
            return null;
        }

        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
