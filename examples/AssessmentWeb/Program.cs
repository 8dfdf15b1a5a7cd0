using System;
using System.Threading.Tasks;

namespace SafeguardGen.Examples.AssessmentWeb;

/// <summary>
/// <c>dotnet run --project examples/AssessmentWeb</c> serves the app on http://127.0.0.1:5080 (printed on start);
/// <c>... -- create-admin &lt;email&gt;</c> creates the first administrator, asking for the password.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "create-admin")
        {
            return await AdminCommand.RunAsync(args).ConfigureAwait(false);
        }

        var app = WebApp.Build(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
