"""Settings, read once from the environment (HALLMARK_*) at the entry point."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Hallmark's settings. Every field can be set as HALLMARK_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="HALLMARK_", extra="ignore")

    data_dir: Path = Field(Path(".hallmark"), description="Where SQLite and blobs live.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default is SQLite under data_dir."
    )
    rules_dir: Path | None = Field(
        None, description="Folder overriding the packaged rules (weights, lexicon, rates)."
    )
    max_line_bytes: int = Field(1_048_576, description="Longest accepted import line.")
    max_payload_bytes: int = Field(
        200_000_000, description="Largest platform payload file read by a channel."
    )
    max_image_bytes: int = Field(20_000_000, description="Largest accepted image file.")
    max_image_pixels: int = Field(40_000_000, description="Most pixels in an accepted image.")
    scan_batch_size: int = Field(500, description="Listings scored per committed batch.")
    allow_loopback: bool = Field(
        False, description="Let fetches reach 127.0.0.0/8 and ::1 (tests, local deployments)."
    )
    ebay_token: SecretStr | None = Field(None, description="eBay OAuth application token.")
    ebay_api_url: str = Field("https://api.ebay.com", description="eBay API base url.")
    ebay_marketplace: str = Field("EBAY_US", description="X-EBAY-C-MARKETPLACE-ID to send.")
    etsy_api_key: SecretStr | None = Field(None, description="Etsy Open API v3 keystring.")
    etsy_api_url: str = Field("https://openapi.etsy.com", description="Etsy API base url.")
    x_bearer_token: SecretStr | None = Field(None, description="X API v2 bearer token.")
    x_api_url: str = Field("https://api.x.com", description="X API base url.")
    pinterest_token: SecretStr | None = Field(None, description="Pinterest API v5 token.")
    pinterest_api_url: str = Field("https://api.pinterest.com", description="Pinterest API url.")
    pinterest_country: str = Field("US", description="Country code for Pinterest pin search.")
    facebook_token: SecretStr | None = Field(None, description="Facebook Graph API token.")
    facebook_api_url: str = Field(
        "https://graph.facebook.com/v21.0", description="Facebook Graph API base url."
    )
    tiktok_client_key: SecretStr | None = Field(None, description="TikTok Research API client key.")
    tiktok_client_secret: SecretStr | None = Field(None, description="TikTok client secret.")
    tiktok_api_url: str = Field("https://open.tiktokapis.com", description="TikTok API base url.")
    amazon_refresh_token: SecretStr | None = Field(None, description="SP-API LWA refresh token.")
    amazon_client_id: SecretStr | None = Field(None, description="SP-API LWA client id.")
    amazon_client_secret: SecretStr | None = Field(None, description="SP-API LWA client secret.")
    amazon_api_url: str = Field(
        "https://sellingpartnerapi-na.amazon.com", description="SP-API regional endpoint."
    )
    amazon_marketplace: str = Field("ATVPDKIKX0DER", description="SP-API marketplace id.")
    aliexpress_app_key: SecretStr | None = Field(
        None, description="AliExpress Open Platform app key."
    )
    aliexpress_app_secret: SecretStr | None = Field(None, description="AliExpress app secret.")
    aliexpress_tracking_id: str | None = Field(
        None, description="AliExpress affiliate tracking id."
    )
    aliexpress_api_url: str = Field(
        "https://api-sg.aliexpress.com/sync", description="AliExpress Open Platform gateway."
    )
    instagram_token: SecretStr | None = Field(None, description="Instagram Graph API token.")
    instagram_user_id: str | None = Field(None, description="The IG user id making the calls.")
    instagram_api_url: str = Field(
        "https://graph.facebook.com/v21.0", description="Instagram Graph API base url."
    )

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'hallmark.db').resolve()}"
