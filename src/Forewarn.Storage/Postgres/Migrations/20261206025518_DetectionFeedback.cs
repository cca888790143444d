using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DetectionFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "detection_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArtifactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detection_feedback", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_detection_feedback_ArtifactId_At",
                table: "detection_feedback",
                columns: new[] { "ArtifactId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_detection_feedback_PartnerId_At",
                table: "detection_feedback",
                columns: new[] { "PartnerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "detection_feedback");
        }
    }
}
