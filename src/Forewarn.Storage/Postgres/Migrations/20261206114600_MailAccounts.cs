using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MailAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AdvisoryMailOff",
                table: "portal_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OpenPgpFingerprint",
                table: "portal_users",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenPgpPublicKey",
                table: "portal_users",
                type: "character varying(65536)",
                maxLength: 65536,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AdvisoryMailOff",
                table: "portal_users");

            migrationBuilder.DropColumn(
                name: "OpenPgpFingerprint",
                table: "portal_users");

            migrationBuilder.DropColumn(
                name: "OpenPgpPublicKey",
                table: "portal_users");
        }
    }
}
