using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Postgres.Migrations
{
    /// <summary>
    /// Written by hand (no model change): a trigger that notifies the channel servers listen on
    /// (PostgresGenerationWatch) whenever a generation token is stamped, with the new token as the
    /// payload. NOTIFY is delivered at commit, and not at all on rollback.
    /// </summary>
    public partial class GenerationNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION forewarn_generation_stamped() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('forewarn_generations', NEW."Value");
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER program_settings_generation_stamped
                AFTER INSERT OR UPDATE ON program_settings
                FOR EACH ROW WHEN (NEW."Key" IN ('facts.generation', 'accounts.generation'))
                EXECUTE FUNCTION forewarn_generation_stamped();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER program_settings_generation_stamped ON program_settings;");
            migrationBuilder.Sql("DROP FUNCTION forewarn_generation_stamped();");
        }
    }
}
