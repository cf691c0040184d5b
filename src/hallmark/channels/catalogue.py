"""The one catalogue of channels: built-ins and entry-point plugins load the same way."""

from __future__ import annotations

from importlib.metadata import entry_points

from pydantic import SecretStr

from hallmark.channels.aliexpress import AliexpressChannel
from hallmark.channels.aliexpress_live import AliexpressLive
from hallmark.channels.amazon import AmazonChannel
from hallmark.channels.amazon_live import AmazonLive
from hallmark.channels.base import Channel
from hallmark.channels.ebay import EbayChannel
from hallmark.channels.ebay_live import EbayLive
from hallmark.channels.etsy import EtsyChannel
from hallmark.channels.etsy_live import EtsyLive
from hallmark.channels.facebook import FacebookChannel
from hallmark.channels.facebook_live import FacebookLive
from hallmark.channels.instagram import InstagramChannel
from hallmark.channels.instagram_live import InstagramLive
from hallmark.channels.live import LiveChannel
from hallmark.channels.pinterest import PinterestChannel
from hallmark.channels.pinterest_live import PinterestLive
from hallmark.channels.shopify import ShopifyChannel
from hallmark.channels.shopify_live import ShopifyLive
from hallmark.channels.tiktok import TiktokChannel
from hallmark.channels.tiktok_live import TiktokLive
from hallmark.channels.webstore import WebstoreChannel
from hallmark.channels.x import XChannel
from hallmark.channels.x_live import XLive
from hallmark.config import Settings
from hallmark.errors import PluginError

BUILTIN: tuple[type[Channel], ...] = (
    AmazonChannel,
    EbayChannel,
    EtsyChannel,
    AliexpressChannel,
    ShopifyChannel,
    InstagramChannel,
    FacebookChannel,
    PinterestChannel,
    XChannel,
    TiktokChannel,
    WebstoreChannel,
)
ENTRY_POINT_GROUP = "hallmark.channels"


def channel_classes() -> dict[str, type[Channel]]:
    """Every known channel class by platform; a platform registered twice is an error."""
    classes: dict[str, type[Channel]] = {}
    plugins = [ep.load() for ep in entry_points(group=ENTRY_POINT_GROUP)]
    for cls in (*BUILTIN, *plugins):
        if cls.platform in classes:
            raise PluginError(f"channel {cls.platform!r} is registered twice")
        classes[cls.platform] = cls
    return classes


def build_channel(platform: str) -> Channel:
    classes = channel_classes()
    if platform not in classes:
        known = ", ".join(sorted(classes)) or "none yet"
        raise PluginError(f"no channel reads {platform!r} payloads; channels: {known}")
    return classes[platform]()


def build_live(platform: str, settings: Settings) -> LiveChannel:
    """The live channel for `platform`, configured from settings; NotConfigured says what
    is missing, PluginError that the platform is import-only for now."""
    if platform == "ebay":
        token = settings.ebay_token.get_secret_value() if settings.ebay_token else None
        return EbayLive(token, api_url=settings.ebay_api_url, marketplace=settings.ebay_marketplace)
    if platform == "etsy":
        key = settings.etsy_api_key.get_secret_value() if settings.etsy_api_key else None
        return EtsyLive(key, api_url=settings.etsy_api_url)
    if platform == "pinterest":
        token = settings.pinterest_token.get_secret_value() if settings.pinterest_token else None
        return PinterestLive(
            token, api_url=settings.pinterest_api_url, country=settings.pinterest_country
        )
    if platform == "instagram":
        token = settings.instagram_token.get_secret_value() if settings.instagram_token else None
        return InstagramLive(token, settings.instagram_user_id, api_url=settings.instagram_api_url)
    if platform == "facebook":
        token = settings.facebook_token.get_secret_value() if settings.facebook_token else None
        return FacebookLive(token, api_url=settings.facebook_api_url)
    if platform == "tiktok":
        return TiktokLive(
            _secret(settings.tiktok_client_key),
            _secret(settings.tiktok_client_secret),
            api_url=settings.tiktok_api_url,
        )
    if platform == "amazon":
        return AmazonLive(
            _secret(settings.amazon_refresh_token),
            _secret(settings.amazon_client_id),
            _secret(settings.amazon_client_secret),
            api_url=settings.amazon_api_url,
            marketplace=settings.amazon_marketplace,
        )
    if platform == "shopify":
        return ShopifyLive()
    if platform == "aliexpress":
        return AliexpressLive(
            _secret(settings.aliexpress_app_key),
            _secret(settings.aliexpress_app_secret),
            settings.aliexpress_tracking_id,
            api_url=settings.aliexpress_api_url,
        )
    if platform == "x":
        bearer = settings.x_bearer_token.get_secret_value() if settings.x_bearer_token else None
        return XLive(bearer, api_url=settings.x_api_url)
    raise PluginError(
        f"{platform}: no live fetching yet; import exported data with "
        f"`hallmark import FILE --platform {platform}`"
    )


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None
