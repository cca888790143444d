using Forewarn.Server.Hosting;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Forewarn.Server.Portal;

/// <summary>
/// The portal: server-rendered Razor Pages under <c>/portal</c>, signed in with ASP.NET Core
/// Identity's accounts kept in the programme's store (docs/portal.md).
/// </summary>
public static class PortalSetup
{
    /// <summary>
    /// Every portal page's policy: the one stylesheet and images from this server (the QR code is
    /// a <c>data:</c> PNG), forms posted only here, no script at all, nothing inline.
    /// </summary>
    public const string PagePolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'";

    public const string CookieName = "forewarn-portal";

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Portal/Pages";
            o.Conventions.AddFolderApplicationModelConvention("/", m => m.EndpointMetadata.Add(new PagePolicy(PagePolicy)));
            PasskeyScript.Allow(o.Conventions);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "forewarn-portal-form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every page
        });
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false; // length over composition (NIST SP 800-63B)
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddClaimsPrincipalFactory<PortalPrincipal>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // One store per request, reachable as itself too: accepting an invitation commits the user with its log entry.
        services.AddScoped<PortalUserStore>();
        services.AddScoped<IUserStore<PortalUser>>(s => s.GetRequiredService<PortalUserStore>());
        services.AddAuthentication().AddIdentityCookies(c =>
        {
            c.ApplicationCookie!.Configure(o =>
            {
                Harden(o, CookieName);
                o.ExpireTimeSpan = PortalSessions.Idle;
                o.SlidingExpiration = true;
                o.LoginPath = "/portal/sign-in";
                o.LogoutPath = "/portal/sign-out";
                o.Events.OnValidatePrincipal = PortalSessions.ValidateAsync;
                // Forbidden looks like unknown: a page the user may not see is not found.
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                };
            });
            c.TwoFactorUserIdCookie!.Configure(o =>
            {
                Harden(o, CookieName + "-2fa");
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
        });
        services.Configure<RateLimiterOptions>(SignInLimit.Add);
        services.AddScoped<PortalAccess>();
        services.AddSingleton<SessionUsers>();
        services.AddScoped<PortalSignIn>();
        services.AddScoped<AuthenticatorEnrolment>();
        services.AddPortalAccounts();
        return services;
    }

    private static void Harden(CookieAuthenticationOptions o, string name)
    {
        o.Cookie.Name = name;
        o.Cookie.Path = "/portal";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the server is reached over HTTPS
    }

    public static void MapPortal(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPortalStyle();
        app.MapPasskeyScript();
    }
}
